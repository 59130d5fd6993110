namespace Jaga.Engine.Scheduling;

public sealed partial class Scheduler
{
    /// <summary>The idle slots by the time each is looked at next, so a pass finds what is due without walking every job: a
    /// thousand checks spread over their period would otherwise cost a walk of all of them for each one that comes due.
    /// Entries are not taken out when a slot changes; a slot's live entry is the one <see cref="Slot.Queued"/> names, and
    /// others are dropped when they come up. Under <see cref="gate"/>.</summary>
    private readonly PriorityQueue<Slot, DateTimeOffset> agenda = new();

    /// <summary>Slots created so far: the order a pass takes due jobs in.</summary>
    private int created;

    /// <summary>Set when a reload marks a job removed, so passes prune idle removed slots only then.</summary>
    private bool anyRemoved;

    /// <summary>Puts an idle slot on the agenda at its <see cref="Slot.CheckAt"/> (under <see cref="gate"/>), after anything
    /// that sets it; a running slot goes on when its run ends, a removed one when a reload brings it back.</summary>
    private void Schedule(Slot slot)
    {
        if (slot.Removed || slot.Execution is not null || slot.Queued == slot.CheckAt) return;
        slot.Queued = slot.CheckAt;
        agenda.Enqueue(slot, slot.CheckAt);
    }

    /// <summary>Takes the idle slots due at <paramref name="now"/> off the agenda, in plan order (under <see cref="gate"/>).</summary>
    private List<Slot> TakeDue(DateTimeOffset now)
    {
        var due = new List<Slot>();
        while (agenda.TryPeek(out var slot, out var at) && at <= now)
        {
            agenda.Dequeue();
            if (Live(slot, at)) due.Add(slot);
        }
        due.Sort((a, b) => a.Order.CompareTo(b.Order));
        return due;
    }

    /// <summary>When the first idle slot is looked at next (under <see cref="gate"/>); entries that no longer count are dropped.</summary>
    private DateTimeOffset NextLook()
    {
        while (agenda.TryPeek(out var slot, out var at))
        {
            if (slot.Queued == at && !slot.Removed && slot.Execution is null) return at;
            agenda.Dequeue();
            if (slot.Queued == at) slot.Queued = null;
        }
        return DateTimeOffset.MaxValue;
    }

    /// <summary>Whether an entry taken off the agenda stands for an idle slot due then; the slot is off the agenda after it.</summary>
    private bool Live(Slot slot, DateTimeOffset at)
    {
        if (slot.Queued != at) return false;
        slot.Queued = null;
        if (slot.Removed || slot.Execution is not null) return false;
        if (slot.CheckAt == at) return true;
        Schedule(slot);
        return false;
    }

    /// <summary>Drops removed slots that no longer run (under <see cref="gate"/>).</summary>
    private void PruneRemoved()
    {
        if (!anyRemoved) return;
        foreach (var id in jobs.Where(kv => kv.Value.Removed && kv.Value.Execution is null).Select(kv => kv.Key).ToList()) jobs.Remove(id);
        anyRemoved = jobs.Values.Any(s => s.Removed);
    }
}
