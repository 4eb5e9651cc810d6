"""The safety layer: red-flag detection and the policy that answers it first."""
