using System;

namespace ShortApi.Vidu.Wire
{
    /// <summary>
    /// What one try's request body got to. A body that never completely left cannot have been acted on, so even a paid
    /// create may be sent again; a body that failed on the local side (the picture changed) is an input error.
    /// </summary>
    internal sealed class RequestBodyState
    {
        private volatile bool _complete;

        /// <summary>True once the last byte of the body was handed to the connection.</summary>
        public bool Complete => _complete;

        /// <summary>Set when reading the local file failed while the body was being written.</summary>
        public ShortApiException? LocalFailure { get; private set; }

        public void MarkComplete() => _complete = true;

        public void FailLocally(ShortApiException failure) => LocalFailure = failure;
    }
}
