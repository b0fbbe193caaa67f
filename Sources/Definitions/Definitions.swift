// Definitions module.
