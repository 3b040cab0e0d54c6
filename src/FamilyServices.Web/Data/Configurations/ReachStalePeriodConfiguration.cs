using FamilyServices.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FamilyServices.Web.Data.Configurations;

internal sealed class ReachStalePeriodConfiguration : IEntityTypeConfiguration<ReachStalePeriod>
{
    public void Configure(EntityTypeBuilder<ReachStalePeriod> stale) => stale.HasKey(p => new { p.PeriodKind, p.PeriodYear });
}
