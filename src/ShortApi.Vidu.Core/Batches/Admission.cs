namespace ShortApi.Vidu.Batches
{
    /// <summary>What a batch says about starting a planned create now.</summary>
    internal enum Admission
    {
        /// <summary>Start it.</summary>
        Go,

        /// <summary>Not yet: creates in flight fill the throttle (or the first create has not returned, or their outcomes decide the budget). Take outcomes and ask again.</summary>
        WaitForRoom,

        /// <summary>The same picture with the same arguments was already sent in this batch.</summary>
        Repeat,

        /// <summary>The batch stopped submitting (the key was refused or the balance ran out): not sent.</summary>
        Halted,

        /// <summary>Its estimate would take the batch over the cap, and nothing in flight can change that.</summary>
        OverBudget,
    }
}
