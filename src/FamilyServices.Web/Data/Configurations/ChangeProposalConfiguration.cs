using FamilyServices.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FamilyServices.Web.Data.Configurations;

internal sealed class ChangeProposalConfiguration : IEntityTypeConfiguration<ChangeProposal>
{
    public void Configure(EntityTypeBuilder<ChangeProposal> proposal)
    {
        proposal.Property(p => p.ItemType).HasMaxLength(40);
        proposal.Property(p => p.Changes).HasColumnType("jsonb");
        proposal.Property(p => p.Note).HasMaxLength(1000);
        proposal.Property(p => p.DecisionNote).HasMaxLength(1000);
        proposal.Property(p => p.ProposedById).HasMaxLength(450);
        proposal.Property(p => p.DecidedById).HasMaxLength(450);
        proposal.HasIndex(p => new { p.Status, p.ProposedAt });
        proposal.HasIndex(p => new { p.ItemType, p.ItemId });
        proposal.HasOne<StaffUser>().WithMany().HasForeignKey(p => p.ProposedById).OnDelete(DeleteBehavior.SetNull);
        proposal.HasOne<StaffUser>().WithMany().HasForeignKey(p => p.DecidedById).OnDelete(DeleteBehavior.SetNull);
    }
}
