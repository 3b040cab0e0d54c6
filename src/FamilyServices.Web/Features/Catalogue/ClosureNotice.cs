using System.Globalization;
using FamilyServices.Web.Domain;
using FamilyServices.Web.Resources;
using Microsoft.Extensions.Localization;

namespace FamilyServices.Web.Features.Catalogue;

/// <summary>How the public pages word a centre's temporary closure (<see cref="PublicNotice"/> decides whether it shows).</summary>
public static class ClosureNotice
{
    /// <summary>"until 11.12.2026: Renovation", as the pages word it after "Temporarily closed".</summary>
    public static string Details(Centre centre, IStringLocalizer<Text> t) => string.Join(": ", new[]
    {
        centre.ClosedUntil is { } until ? t["ClosedUntil", until.ToString("d", CultureInfo.CurrentCulture)].Value : null,
        centre.StatusReason,
    }.Where(part => !string.IsNullOrEmpty(part)));
}
