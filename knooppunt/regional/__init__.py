"""The regional partner directory: the coordinator publishes, laptops subscribe (issue 20).

No children's data, ever: only locations, organisations, roles, people and mandates.
"""
