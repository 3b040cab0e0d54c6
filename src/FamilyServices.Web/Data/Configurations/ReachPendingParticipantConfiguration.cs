using FamilyServices.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FamilyServices.Web.Data.Configurations;

internal sealed class ReachPendingParticipantConfiguration : IEntityTypeConfiguration<ReachPendingParticipant>
{
    public void Configure(EntityTypeBuilder<ReachPendingParticipant> pending)
    {
        pending.HasKey(p => p.ParticipantId);
        pending.Property(p => p.ParticipantId).ValueGeneratedNever();
    }
}
