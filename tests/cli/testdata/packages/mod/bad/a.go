package bad

import "golang.org/x/sync/errgroup"

var _ errgroup.Group
