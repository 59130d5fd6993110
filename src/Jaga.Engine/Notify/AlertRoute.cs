using System.Threading.Channels;
using Jaga.Core.Monitoring;

namespace Jaga.Engine.Notify;

/// <summary>One way out for alerts: a channel's webhook or its e-mail, with its own queue and delivery loop, so a slow
/// or hanging one holds up nothing else.</summary>
/// <param name="Channel">The plan's channel name.</param>
/// <param name="Medium"><c>webhook</c> or <c>email</c>.</param>
/// <param name="Send">One delivery attempt.</param>
/// <param name="Capacity">How many alerts may wait.</param>
internal sealed record AlertRoute(string Channel, string Medium, Func<AlertMessage, CancellationToken, Task> Send, int Capacity)
{
    public Channel<AlertMessage> Queue { get; } = System.Threading.Channels.Channel.CreateBounded<AlertMessage>(
        new BoundedChannelOptions(Capacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    public Task Loop { get; set; } = Task.CompletedTask;
}
