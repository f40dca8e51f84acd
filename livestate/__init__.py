"""The live-state contract shared by the agent, the backend and lbgen.

etcd's key layout, Dockyard's container labels, the records the agent writes (and how a
reader takes them back without trusting them), the etcd client and its credentials.
None of the three processes imports another's internals: they meet here.
"""
