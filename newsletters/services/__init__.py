"""Side effects of the newsletters app: subscribing, sending, tracking, importing."""
