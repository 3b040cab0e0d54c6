using FamilyServices.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FamilyServices.Web.Data.Configurations;

internal sealed class AuditEventConfiguration : IEntityTypeConfiguration<AuditEvent>, IEntityTypeConfiguration<AuditKey>
{
    public void Configure(EntityTypeBuilder<AuditEvent> entry)
    {
        entry.Property(e => e.ActorId).HasMaxLength(450);
        entry.Property(e => e.Details).HasColumnType("jsonb");
        entry.Property(e => e.CorrelationId).HasMaxLength(64);
        entry.HasIndex(e => e.OccurredAt);
        entry.HasIndex(e => e.ActorId);
        entry.HasIndex(e => e.Subjects).HasMethod("gin");
    }

    public void Configure(EntityTypeBuilder<AuditKey> key)
    {
        key.Property(k => k.Id).ValueGeneratedNever();
    }
}
