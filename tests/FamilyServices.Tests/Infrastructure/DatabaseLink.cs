using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace FamilyServices.Tests.Infrastructure;

/// <summary>
/// A loopback TCP link between a portal and the test PostgreSQL that a test can cut and restore: an outage as the
/// portal sees it (its connections drop, new ones fail) while the shared server keeps serving the other tests.
/// </summary>
public sealed class DatabaseLink : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly string _targetHost;
    private readonly int _targetPort;
    private readonly ConcurrentDictionary<TcpClient, TcpClient> _open = new();
    private readonly CancellationTokenSource _stop = new();
    private volatile bool _cut;

    private DatabaseLink(string targetHost, int targetPort)
    {
        (_targetHost, _targetPort) = (targetHost, targetPort);
        _listener.Start();
        _ = AcceptAsync();
    }

    /// <summary>Starts a link to the server of <paramref name="connectionString"/>.</summary>
    public static DatabaseLink To(string connectionString)
    {
        var target = new NpgsqlConnectionStringBuilder(connectionString);
        return new DatabaseLink(target.Host!, target.Port);
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>The same connection string, through this link.</summary>
    public string Through(string connectionString) =>
        new NpgsqlConnectionStringBuilder(connectionString) { Host = "127.0.0.1", Port = Port, Timeout = 5 }.ConnectionString;

    /// <summary>Drops every open connection and fails every new one until <see cref="Restore"/>.</summary>
    public void Cut()
    {
        _cut = true;
        foreach (var (inner, outer) in _open)
        {
            inner.Dispose();
            outer.Dispose();
        }
        _open.Clear();
    }

    public void Restore() => _cut = false;

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }
            if (_cut)
            {
                client.Dispose();
                continue;
            }
            _ = ForwardAsync(client);
        }
    }

    private async Task ForwardAsync(TcpClient client)
    {
        using var server = new TcpClient();
        try
        {
            await server.ConnectAsync(_targetHost, _targetPort, _stop.Token);
            _open[client] = server;
            await Task.WhenAny(
                client.GetStream().CopyToAsync(server.GetStream(), _stop.Token),
                server.GetStream().CopyToAsync(client.GetStream(), _stop.Token));
        }
        catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException or OperationCanceledException)
        {
            // Cut, or one side closed: the other side is closed below.
        }
        finally
        {
            _open.TryRemove(client, out _);
            client.Dispose();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        Cut();
        _stop.Dispose();
    }
}
