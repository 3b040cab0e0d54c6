using FamilyServices.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FamilyServices.Web.Data.Configurations;

internal sealed class CatalogueChangeConfiguration : IEntityTypeConfiguration<CatalogueChange>
{
    public void Configure(EntityTypeBuilder<CatalogueChange> change)
    {
        change.Property(c => c.ItemType).HasMaxLength(40);
        change.Property(c => c.Action).HasMaxLength(40);
        change.Property(c => c.Changes).HasColumnType("jsonb");
        change.Property(c => c.ChangedById).HasMaxLength(450);
        change.HasIndex(c => new { c.ItemType, c.ItemId, c.ChangedAt });
        change.HasOne<StaffUser>().WithMany().HasForeignKey(c => c.ChangedById).OnDelete(DeleteBehavior.SetNull);
    }
}
