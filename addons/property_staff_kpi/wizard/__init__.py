from . import (
    property_kpi_appeal_wizard,
    property_kpi_batch,
    property_kpi_correction,
    property_roster_rotation,
    property_settings,
)
