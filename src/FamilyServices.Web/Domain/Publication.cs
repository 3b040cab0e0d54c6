using System.Linq.Expressions;

namespace FamilyServices.Web.Domain;

/// <summary>
/// The one rule for what the public sees: published, and inside its publication window. Evaluated with the current
/// time on every read, so "publish from" and "publish until" take effect without anyone clicking and without a job.
/// </summary>
public static class Publication
{
    public static bool IsPublic(PublicationState state, DateTime? publishFrom, DateTime? publishUntil, DateTime nowUtc) =>
        state == PublicationState.Published && (publishFrom == null || publishFrom <= nowUtc) && (publishUntil == null || publishUntil > nowUtc);

    public static Expression<Func<Programme, bool>> PublicProgramme(DateTime nowUtc) => p =>
        p.PublicationState == PublicationState.Published
        && (p.PublishFrom == null || p.PublishFrom <= nowUtc) && (p.PublishUntil == null || p.PublishUntil > nowUtc);

    /// <summary>An offering is public when it and its programme both are.</summary>
    public static Expression<Func<Offering, bool>> PublicOffering(DateTime nowUtc) => o =>
        o.PublicationState == PublicationState.Published
        && (o.PublishFrom == null || o.PublishFrom <= nowUtc) && (o.PublishUntil == null || o.PublishUntil > nowUtc)
        && o.Programme.PublicationState == PublicationState.Published
        && (o.Programme.PublishFrom == null || o.Programme.PublishFrom <= nowUtc) && (o.Programme.PublishUntil == null || o.Programme.PublishUntil > nowUtc);

    public static Expression<Func<Session, bool>> PublicSession(DateTime nowUtc) => s =>
        s.Offering.PublicationState == PublicationState.Published
        && (s.Offering.PublishFrom == null || s.Offering.PublishFrom <= nowUtc) && (s.Offering.PublishUntil == null || s.Offering.PublishUntil > nowUtc)
        && s.Offering.Programme.PublicationState == PublicationState.Published
        && (s.Offering.Programme.PublishFrom == null || s.Offering.Programme.PublishFrom <= nowUtc)
        && (s.Offering.Programme.PublishUntil == null || s.Offering.Programme.PublishUntil > nowUtc);
}
