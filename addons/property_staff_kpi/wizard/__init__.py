from . import (
    property_kpi_batch,
    property_kpi_correction,
    property_roster_rotation,
    property_settings,
)
