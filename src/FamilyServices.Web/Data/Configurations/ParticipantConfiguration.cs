using FamilyServices.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FamilyServices.Web.Data.Configurations;

internal sealed class ParticipantConfiguration : IEntityTypeConfiguration<Participant>
{
    public void Configure(EntityTypeBuilder<Participant> participant)
    {
        participant.Property(p => p.Code).HasMaxLength(12);
        participant.HasIndex(p => p.Code).IsUnique();
        participant.HasOne(p => p.District).WithMany().HasForeignKey(p => p.DistrictId).OnDelete(DeleteBehavior.Restrict);
        participant.ToTable(t =>
        {
            t.HasCheckConstraint("ck_participants_birth_month", "birth_month BETWEEN 1 AND 12");
            t.HasCheckConstraint("ck_participants_birth_year", "birth_year BETWEEN 1990 AND 2100");
        });
    }
}
