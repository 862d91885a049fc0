"""Cases: articles that report the same incident, grouped, with a dated and cited timeline."""
