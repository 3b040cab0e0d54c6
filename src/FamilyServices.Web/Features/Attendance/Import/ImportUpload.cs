using System.Globalization;
using System.Security.Claims;
using FamilyServices.Web.Data;
using FamilyServices.Web.Features.Audit;
using Microsoft.EntityFrameworkCore;

namespace FamilyServices.Web.Features.Attendance.Import;

/// <summary>
/// The upload page's two steps, without the page. A file picked in the browser arrives over the circuit in small
/// pieces (well inside SignalR's message limit, however large the file); <see cref="ReceiveAsync"/> writes them to a
/// temporary file that deletes itself, counting the bytes for the progress bar, so a dropped connection leaves no
/// half-open import behind. <see cref="ImportAsync"/> then hands the whole file to the same importer as the API, in a
/// database context of its own.
/// </summary>
public sealed class ImportUpload(IDbContextFactory<FamilyServicesDb> dbFactory, AuditTrail audit, TimeProvider clock, IConfiguration configuration)
{
    private const int BufferBytes = 1 << 16;

    /// <summary>Whether a file of this size may be imported at all (checked before a byte is sent).</summary>
    public static bool IsTooLarge(long size) => size > AttendanceImporter.MaxBytes;

    /// <summary>
    /// Copies <paramref name="source"/> into a new temporary file, positioned at its start for reading; calls
    /// <paramref name="received"/> with the bytes so far after each piece. The file is gone once the stream is disposed.
    /// </summary>
    public static async Task<FileStream> ReceiveAsync(Stream source, Action<long> received, CancellationToken cancellationToken)
    {
        var path = Path.Combine(Path.GetTempPath(), $"fs-import-{Guid.NewGuid():N}.csv");
        var file = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, BufferBytes,
            FileOptions.Asynchronous | FileOptions.DeleteOnClose);
        try
        {
            var buffer = new byte[BufferBytes];
            long total = 0;
            int read;
            while ((read = await source.ReadAsync(buffer, cancellationToken)) > 0)
            {
                await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                total += read;
                received(total);
            }
            await file.FlushAsync(cancellationToken);
            file.Position = 0;
            return file;
        }
        catch
        {
            await file.DisposeAsync();
            throw;
        }
    }

    /// <summary>Imports the received file for <paramref name="user"/> (the account as the database knows it now).</summary>
    public async Task<ImportResult> ImportAsync(Stream csv, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var importer = new AttendanceImporter(db, clock, configuration, audit.With(db));
        return await importer.ImportAsync(csv, user, cancellationToken);
    }

    /// <summary>Megabytes with one decimal, for "12.5 of 40.0 MB".</summary>
    public static string Megabytes(long bytes) => (bytes / 1024d / 1024d).ToString("0.0", CultureInfo.CurrentCulture);
}

/// <summary>One row of the page's error list: a line, or a range of consecutive lines with the same problem.</summary>
public sealed record ImportErrorRow(string Lines, string Message);

/// <summary>The error list as the upload page shows it.</summary>
public static class ImportErrorRows
{
    /// <summary>
    /// A mistake repeated on consecutive lines (a wrong offering code in one session's rows) becomes one row with the
    /// range of lines, which keeps a long list readable; line 0 (the file as a whole) shows no number.
    /// </summary>
    public static List<ImportErrorRow> Group(IReadOnlyList<ImportError> errors)
    {
        var rows = new List<ImportErrorRow>();
        for (var i = 0; i < errors.Count;)
        {
            var (first, message) = (errors[i].Line, errors[i].Message);
            var last = first;
            for (i++; i < errors.Count && errors[i].Line == last + 1 && errors[i].Message == message; i++) last++;
            var lines = first <= 0 ? "" : last > first
                ? string.Create(CultureInfo.InvariantCulture, $"{first}–{last}")
                : first.ToString(CultureInfo.InvariantCulture);
            rows.Add(new ImportErrorRow(lines, message));
        }
        return rows;
    }

    /// <summary>The errors come in line order, so the lines are counted where the number changes.</summary>
    public static int LinesWithErrors(IReadOnlyList<ImportError> errors)
    {
        var lines = 0;
        long? previous = null;
        foreach (var error in errors)
        {
            if (error.Line != previous) lines++;
            previous = error.Line;
        }
        return lines;
    }
}
