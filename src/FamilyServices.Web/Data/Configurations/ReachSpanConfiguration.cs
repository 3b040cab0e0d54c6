using FamilyServices.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FamilyServices.Web.Data.Configurations;

internal sealed class ReachSpanConfiguration : IEntityTypeConfiguration<ReachSpan>
{
    public void Configure(EntityTypeBuilder<ReachSpan> span) => span.HasKey(s => new { s.PeriodKind, s.FromYear, s.ToYear });
}
