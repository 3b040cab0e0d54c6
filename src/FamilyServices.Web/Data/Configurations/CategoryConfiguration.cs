using FamilyServices.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FamilyServices.Web.Data.Configurations;

internal sealed class CategoryConfiguration : IEntityTypeConfiguration<Category>
{
    public void Configure(EntityTypeBuilder<Category> category)
    {
        category.Property(x => x.OpenDataId).HasDefaultValueSql("gen_random_uuid()");
        category.HasIndex(x => x.OpenDataId).IsUnique();
        category.Property(v => v.Version).HasColumnName("xmin").HasColumnType("xid").IsRowVersion();
        category.Property(c => c.Code).HasMaxLength(60);
        category.HasIndex(c => c.Code).IsUnique();
        category.HasOne(c => c.Parent).WithMany(c => c.Children).HasForeignKey(c => c.ParentId).OnDelete(DeleteBehavior.Restrict);
        category.HasMany(c => c.Names).WithOne().HasForeignKey(n => n.CategoryId).OnDelete(DeleteBehavior.Cascade);
    }
}
