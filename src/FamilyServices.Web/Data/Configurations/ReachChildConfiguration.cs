using FamilyServices.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FamilyServices.Web.Data.Configurations;

internal sealed class ReachChildConfiguration : IEntityTypeConfiguration<ReachChild>
{
    public void Configure(EntityTypeBuilder<ReachChild> child)
    {
        // Led by the participant: the refresher replaces one child's rows at a time.
        child.HasKey(c => new { c.ParticipantId, c.PeriodKind, c.PeriodYear });
        // Led by the period: recomputing a period's figures reads its children.
        child.HasIndex(c => new { c.PeriodKind, c.PeriodYear });
        child.Property(c => c.AgeBand).HasMaxLength(10);
    }
}
