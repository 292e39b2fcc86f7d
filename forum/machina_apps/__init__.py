"""Machina applications overridden the way machina documents ("Overriding an application"):
a local app with the same label whose modules machina's class loader (``get_class``)
prefers over its own; what a local app does not define still comes from machina."""
