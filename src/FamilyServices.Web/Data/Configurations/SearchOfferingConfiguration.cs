using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FamilyServices.Web.Data.Configurations;

internal sealed class SearchOfferingConfiguration : IEntityTypeConfiguration<SearchOffering>
{
    public void Configure(EntityTypeBuilder<SearchOffering> row)
    {
        // Kept by triggers on offerings, programmes, centres, districts and categories (migration SearchOfferings).
        row.HasKey(r => r.OfferingId);
        row.Property(r => r.OfferingId).ValueGeneratedNever();
        row.Property(r => r.Slug).HasMaxLength(120);
        row.Property(r => r.DistrictCode).HasMaxLength(40);
        row.Property(r => r.CentrePoint).HasColumnType("cube");
        row.HasIndex(r => r.ProgrammeId);
        row.HasIndex(r => r.CentreId);
        // For "within N km": earth_box(point, radius) @> centre_point.
        row.HasIndex(r => r.CentrePoint).HasMethod("gist");
    }
}
