/// The NASHardware layer; see DESIGN.md for its place in the architecture.
public enum NASHardwareLayer {}
