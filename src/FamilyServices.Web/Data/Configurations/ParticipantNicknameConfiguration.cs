using FamilyServices.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FamilyServices.Web.Data.Configurations;

internal sealed class ParticipantNicknameConfiguration : IEntityTypeConfiguration<ParticipantNickname>
{
    public void Configure(EntityTypeBuilder<ParticipantNickname> nickname)
    {
        nickname.HasKey(n => new { n.CentreId, n.ParticipantId });
        nickname.Property(n => n.Nickname).HasMaxLength(60);
        nickname.HasIndex(n => n.ParticipantId);
        nickname.HasOne<Centre>().WithMany().HasForeignKey(n => n.CentreId).OnDelete(DeleteBehavior.Cascade);
        nickname.HasOne<Participant>().WithMany().HasForeignKey(n => n.ParticipantId).OnDelete(DeleteBehavior.Cascade);
    }
}
