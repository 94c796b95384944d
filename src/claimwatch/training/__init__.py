"""Training the learned parts of claimwatch from public gold data (`claimwatch train NAME DIR`)."""
