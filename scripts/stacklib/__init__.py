"""Building blocks of scripts/stack.py (and scripts/hosts): profiles, processes, services."""
