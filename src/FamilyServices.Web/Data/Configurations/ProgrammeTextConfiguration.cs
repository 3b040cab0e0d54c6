using FamilyServices.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FamilyServices.Web.Data.Configurations;

internal sealed class ProgrammeTextConfiguration : IEntityTypeConfiguration<ProgrammeText>
{
    public void Configure(EntityTypeBuilder<ProgrammeText> text)
    {
        text.HasKey(t => new { t.ProgrammeId, t.Language });
        text.Property(t => t.Language).HasMaxLength(8);
        text.Property(t => t.Title).HasMaxLength(200);
        text.Property(t => t.Summary).HasMaxLength(500);
        text.Property(t => t.Description).HasMaxLength(8000);
        text.Property(t => t.CostNote).HasMaxLength(500);
        text.Property(t => t.RegistrationNote).HasMaxLength(500);
        // Filled by a trigger with fs_search_text(title || ' ' || summary): see migration 0002.
        text.Property(t => t.SearchText).HasDefaultValue("").ValueGeneratedOnAddOrUpdate();
        text.HasIndex(t => t.SearchText).HasMethod("gin").HasOperators("gin_trgm_ops");
    }
}
