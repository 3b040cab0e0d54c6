using FamilyServices.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FamilyServices.Web.Data.Configurations;

internal sealed class ReachFigureConfiguration : IEntityTypeConfiguration<ReachFigure>
{
    public void Configure(EntityTypeBuilder<ReachFigure> figure)
    {
        figure.HasKey(f => new { f.PeriodKind, f.PeriodYear, f.Scope, f.Dimension, f.GroupKey });
        figure.Property(f => f.Scope).HasMaxLength(80);
        figure.Property(f => f.Dimension).HasMaxLength(40);
        figure.Property(f => f.GroupKey).HasMaxLength(120);
    }
}
