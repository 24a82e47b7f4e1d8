namespace ShortApi.Vidu.Wire
{
    /// <summary>The service's answer to a create call.</summary>
    internal sealed class CreatedJob
    {
        /// <summary>Creates the answer.</summary>
        public CreatedJob(string jobId, decimal? amount)
        {
            JobId = jobId;
            Amount = amount;
        }

        /// <summary>The new job's id.</summary>
        public string JobId { get; }

        /// <summary>The charge in USD, when the service said.</summary>
        public decimal? Amount { get; }
    }
}
