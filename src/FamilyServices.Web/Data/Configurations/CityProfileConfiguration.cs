using FamilyServices.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FamilyServices.Web.Data.Configurations;

internal sealed class CityProfileConfiguration : IEntityTypeConfiguration<CityProfile>
{
    public void Configure(EntityTypeBuilder<CityProfile> city)
    {
        city.Property(c => c.Code).HasMaxLength(40);
        city.Property(c => c.Name).HasMaxLength(200);
        city.Property(c => c.DefaultLanguage).HasMaxLength(8);
        city.Property(c => c.TimeZone).HasMaxLength(64);
        city.Property(c => c.Currency).HasMaxLength(3);
        city.HasIndex(c => c.Code).IsUnique();
    }
}
