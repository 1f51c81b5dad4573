"""schema.org data about events for search engines."""


def event_json_ld(event, url):
    """schema.org Event data for search engines; never carries the join link."""
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": event.title,
        "description": event.lead,
        "startDate": event.local_start.isoformat(),
        "endDate": event.local_end.isoformat(),
        "eventStatus": JSON_LD_STATUS[event.status],
        "eventAttendanceMode": JSON_LD_ATTENDANCE[event.attendance_mode],
        "inLanguage": event.language,
        "url": url,
        "location": _json_ld_locations(event, url),
    }
    if event.organiser:
        data["organizer"] = {"@type": "Organization", "name": event.organiser.name}
    return data


JSON_LD_STATUS = {
    "scheduled": "https://schema.org/EventScheduled",
    "postponed": "https://schema.org/EventPostponed",
    "cancelled": "https://schema.org/EventCancelled",
}
JSON_LD_ATTENDANCE = {
    "online": "https://schema.org/OnlineEventAttendanceMode",
    "onsite": "https://schema.org/OfflineEventAttendanceMode",
    "mixed": "https://schema.org/MixedEventAttendanceMode",
}


def _json_ld_locations(event, url):
    locations = []
    if event.is_onsite:
        locations.append(
            {
                "@type": "Place",
                "name": event.venue_name or event.municipality,
                "address": {
                    "@type": "PostalAddress",
                    "streetAddress": event.street_address,
                    "postalCode": event.postal_code,
                    "addressLocality": event.municipality,
                    "addressCountry": "FI",
                },
            }
        )
    if event.is_online:
        # The public page stands in for the private join link.
        locations.append({"@type": "VirtualLocation", "url": url})
    return locations
