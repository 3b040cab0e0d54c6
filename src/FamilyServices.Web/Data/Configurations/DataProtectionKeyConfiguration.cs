using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FamilyServices.Web.Data.Configurations;

/// <summary>
/// Microsoft's Data Protection key entity, kept in the table the portal's own repository used before
/// (data_protection_keys): the columns stay as they were, so existing keys, and the cookies they signed, stay valid.
/// </summary>
internal sealed class DataProtectionKeyConfiguration : IEntityTypeConfiguration<DataProtectionKey>
{
    public void Configure(EntityTypeBuilder<DataProtectionKey> key)
    {
        key.Property(k => k.FriendlyName).HasMaxLength(200);
        // Microsoft's entity allows null; a key is never stored without its XML, and the column has always said so.
        key.Property(k => k.Xml).IsRequired();
    }
}
