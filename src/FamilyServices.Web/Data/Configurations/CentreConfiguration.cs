using FamilyServices.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FamilyServices.Web.Data.Configurations;

internal sealed class CentreConfiguration : IEntityTypeConfiguration<Centre>
{
    public void Configure(EntityTypeBuilder<Centre> centre)
    {
        centre.Property(x => x.OpenDataId).HasDefaultValueSql("gen_random_uuid()");
        centre.HasIndex(x => x.OpenDataId).IsUnique();
        centre.Property(v => v.Version).HasColumnName("xmin").HasColumnType("xid").IsRowVersion();
        centre.Property(c => c.Code).HasMaxLength(40);
        centre.Property(c => c.Name).HasMaxLength(200);
        centre.Property(c => c.Street).HasMaxLength(200);
        centre.Property(c => c.Postcode).HasMaxLength(16);
        centre.Property(c => c.Locality).HasMaxLength(100);
        centre.Property(c => c.Phone).HasMaxLength(40);
        centre.Property(c => c.Email).HasMaxLength(200);
        centre.Property(c => c.Website).HasMaxLength(500);
        centre.Property(c => c.TimeZone).HasMaxLength(64);
        centre.Property(c => c.StatusReason).HasMaxLength(500);
        centre.HasIndex(c => c.Code).IsUnique();
        // Filled by a trigger with fs_search_text(name || ' ' || street || ' ' || locality): see migration 0002.
        centre.Property(c => c.SearchText).HasDefaultValue("").ValueGeneratedOnAddOrUpdate();
        centre.HasIndex(c => c.SearchText).HasMethod("gin").HasOperators("gin_trgm_ops");
        centre.HasOne(c => c.Operator).WithMany().HasForeignKey(c => c.OperatorId).OnDelete(DeleteBehavior.Restrict);
        centre.HasOne(c => c.District).WithMany().HasForeignKey(c => c.DistrictId).OnDelete(DeleteBehavior.Restrict);
        centre.HasMany(c => c.OpeningHours).WithOne().HasForeignKey(h => h.CentreId).OnDelete(DeleteBehavior.Cascade);
        centre.HasMany(c => c.Rooms).WithOne().HasForeignKey(r => r.CentreId).OnDelete(DeleteBehavior.Cascade);
        centre.ToTable(t =>
        {
            t.HasCheckConstraint("ck_centres_latitude", "latitude BETWEEN -90 AND 90");
            t.HasCheckConstraint("ck_centres_longitude", "longitude BETWEEN -180 AND 180");
        });
    }
}
