"""Partner directory (partnerlijst): locations, kernpartners and mandates, imports, the regional directory and the sociale kaart."""
