using FamilyServices.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FamilyServices.Web.Data.Configurations;

internal sealed class ProgrammeConfiguration : IEntityTypeConfiguration<Programme>
{
    public void Configure(EntityTypeBuilder<Programme> programme)
    {
        programme.Property(x => x.OpenDataId).HasDefaultValueSql("gen_random_uuid()");
        programme.HasIndex(x => x.OpenDataId).IsUnique();
        programme.Property(v => v.Version).HasColumnName("xmin").HasColumnType("xid").IsRowVersion();
        programme.Property(p => p.Code).HasMaxLength(40);
        programme.Property(p => p.Slug).HasMaxLength(120);
        programme.Property(p => p.PriceAmount).HasPrecision(10, 2);
        programme.Property(p => p.RegistrationUrl).HasMaxLength(500);
        // Audience is a set of flags; stored as its number so "for parents" is a bit test.
        programme.Property(p => p.Audience).HasConversion<int>();
        programme.HasIndex(p => p.Code).IsUnique();
        programme.HasIndex(p => p.Slug).IsUnique();
        programme.HasIndex(p => p.PublicationState);
        programme.HasOne(p => p.Category).WithMany().HasForeignKey(p => p.CategoryId).OnDelete(DeleteBehavior.Restrict);
        programme.HasMany(p => p.Texts).WithOne().HasForeignKey(t => t.ProgrammeId).OnDelete(DeleteBehavior.Cascade);
        programme.HasMany(p => p.Partners).WithOne().HasForeignKey(p => p.ProgrammeId).OnDelete(DeleteBehavior.Cascade);
        programme.ToTable(t =>
        {
            t.HasCheckConstraint("ck_programmes_age_range", "min_age_months >= 0 AND max_age_months >= min_age_months");
            t.HasCheckConstraint("ck_programmes_price", "is_free OR price_amount >= 0");
        });
    }
}
