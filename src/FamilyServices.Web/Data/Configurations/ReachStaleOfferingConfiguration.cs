using FamilyServices.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FamilyServices.Web.Data.Configurations;

internal sealed class ReachStaleOfferingConfiguration : IEntityTypeConfiguration<ReachStaleOffering>
{
    public void Configure(EntityTypeBuilder<ReachStaleOffering> stale) => stale.HasKey(s => new { s.PeriodKind, s.PeriodYear, s.OfferingId });
}
