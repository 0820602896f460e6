"""What a meeting yields: cases and plan van aanpak, decisions (besluiten), agreements (afspraken), finalising, closing."""
