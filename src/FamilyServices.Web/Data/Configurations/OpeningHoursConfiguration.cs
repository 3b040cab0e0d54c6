using FamilyServices.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FamilyServices.Web.Data.Configurations;

internal sealed class OpeningHoursConfiguration : IEntityTypeConfiguration<OpeningHours>
{
    public void Configure(EntityTypeBuilder<OpeningHours> hours)
    {
        hours.ToTable("opening_hours", t => t.HasCheckConstraint("ck_opening_hours_order", "closes > opens"));
        hours.HasIndex(h => new { h.CentreId, h.Day });
    }
}
