// ImportEngine module.
