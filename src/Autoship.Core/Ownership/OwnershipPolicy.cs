using Autoship.Core.Config;

namespace Autoship.Core;

/// <summary>Assigns a single owning author agent by area and a reviewer agent that is not the owner.</summary>
public static class OwnershipPolicy
{
    public static OwnershipDecision Assign(string area, AutoshipConfig config) => throw new NotImplementedException();
}
