using FamilyServices.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FamilyServices.Web.Data.Configurations;

internal sealed class PostcodeConfiguration : IEntityTypeConfiguration<Postcode>
{
    public void Configure(EntityTypeBuilder<Postcode> postcode)
    {
        postcode.Property(p => p.Code).HasMaxLength(16);
        postcode.Property(p => p.Locality).HasMaxLength(100);
        postcode.HasIndex(p => p.Code).IsUnique();
        postcode.HasOne<District>().WithMany().HasForeignKey(p => p.DistrictId).OnDelete(DeleteBehavior.SetNull);
    }
}
