using FamilyServices.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FamilyServices.Web.Data.Configurations;

internal sealed class DistrictConfiguration : IEntityTypeConfiguration<District>
{
    public void Configure(EntityTypeBuilder<District> district)
    {
        district.Property(v => v.Version).HasColumnName("xmin").HasColumnType("xid").IsRowVersion();
        district.Property(d => d.Code).HasMaxLength(40);
        district.Property(d => d.Name).HasMaxLength(200);
        district.HasIndex(d => d.Code).IsUnique();
        district.HasMany(d => d.Population).WithOne().HasForeignKey(p => p.DistrictId).OnDelete(DeleteBehavior.Cascade);
    }
}
