using FamilyServices.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FamilyServices.Web.Data.Configurations;

internal sealed class ReachPeriodConfiguration : IEntityTypeConfiguration<ReachPeriod>
{
    public void Configure(EntityTypeBuilder<ReachPeriod> period) => period.HasKey(p => new { p.PeriodKind, p.PeriodYear });
}
