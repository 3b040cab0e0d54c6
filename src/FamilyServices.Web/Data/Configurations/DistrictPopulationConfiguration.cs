using FamilyServices.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FamilyServices.Web.Data.Configurations;

internal sealed class DistrictPopulationConfiguration : IEntityTypeConfiguration<DistrictPopulation>
{
    public void Configure(EntityTypeBuilder<DistrictPopulation> population)
    {
        population.HasKey(p => new { p.DistrictId, p.Year, p.AgeBand });
        population.Property(p => p.AgeBand).HasMaxLength(8);
        population.ToTable(t => t.HasCheckConstraint("ck_district_populations_children", "children >= 0"));
    }
}
