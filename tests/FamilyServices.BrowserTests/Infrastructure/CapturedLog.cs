using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace FamilyServices.BrowserTests.Infrastructure;

/// <summary>
/// Every log event the portal writes, as a sink would get it: the message, each structured property and any
/// exception. Shared by all browser tests of a portal; bounded, so a long run cannot exhaust memory.
/// </summary>
public sealed class CapturedLog : ILoggerProvider
{
    public const int MaxEvents = 200_000;

    private readonly ConcurrentQueue<string> _events = new();

    public IReadOnlyList<string> Events => [.. _events];

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, this);

    public void Dispose()
    {
    }

    private void Add(string line)
    {
        _events.Enqueue(line);
        while (_events.Count > MaxEvents && _events.TryDequeue(out _))
        {
        }
    }

    private sealed class Logger(string category, CapturedLog log) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var properties = state is IEnumerable<KeyValuePair<string, object?>> pairs
                ? string.Join(" ", pairs.Select(p => $"{p.Key}={Render(p.Value)}"))
                : "";
            log.Add($"{category} {logLevel}: {formatter(state, exception)} | {properties} {exception}");
        }

        private static string Render(object? value) => value switch
        {
            null => "",
            string s => s,
            System.Collections.IEnumerable list => string.Join(",", list.Cast<object?>()),
            _ => value.ToString() ?? "",
        };
    }
}
