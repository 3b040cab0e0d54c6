using FamilyServices.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FamilyServices.Web.Data.Configurations;

internal sealed class ReachOfferingMonthConfiguration : IEntityTypeConfiguration<ReachOfferingMonth>
{
    public void Configure(EntityTypeBuilder<ReachOfferingMonth> month)
    {
        month.HasKey(m => new { m.PeriodKind, m.PeriodYear, m.OfferingId, m.Month });
        month.Property(m => m.Month).HasMaxLength(7);
    }
}
