// BudgetScheduler module.
