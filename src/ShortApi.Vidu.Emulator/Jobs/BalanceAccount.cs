namespace ShortApi.Vidu.Emulator;

/// <summary>The account's credit in USD: each accepted create is charged to it; null means unlimited.</summary>
/// <remarks>
/// It follows the <see cref="EmulatorOptions.Balance"/> option: when the option holds a value other than the one the
/// account last started from (set in process or by /_emulator/options), the account starts afresh at the new value,
/// so a test that sets a balance gets exactly that much to spend, whatever was spent before.
/// </remarks>
internal sealed class BalanceAccount
{
    private readonly object gate = new();
    private readonly EmulatorOptions options;
    private decimal? startedFrom;
    private decimal? remaining;

    public BalanceAccount(EmulatorOptions options)
    {
        this.options = options;
        Restore();
    }

    /// <summary>What is left to spend, or null when unlimited.</summary>
    public decimal? Remaining
    {
        get
        {
            lock (gate)
            {
                FollowOption();
                return remaining;
            }
        }
    }

    /// <summary>Charges <paramref name="amount"/> if that much is left; otherwise changes nothing and returns false.</summary>
    public bool TryCharge(decimal amount, out decimal? left)
    {
        lock (gate)
        {
            FollowOption();
            if (remaining is decimal credit)
            {
                if (amount > credit)
                {
                    left = credit;
                    return false;
                }

                remaining = credit - amount;
            }

            left = remaining;
            return true;
        }
    }

    /// <summary>Back to the configured balance (on reset, or when the option is set again to the same value).</summary>
    public void Restore()
    {
        lock (gate)
        {
            startedFrom = options.Balance;
            remaining = startedFrom;
        }
    }

    private void FollowOption()
    {
        if (options.Balance != startedFrom)
        {
            startedFrom = options.Balance;
            remaining = startedFrom;
        }
    }
}
